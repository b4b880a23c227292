"""Who can help a citizen abroad: the finder, representation arrangements, emergency lines."""
