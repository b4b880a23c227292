#!/usr/bin/env python
"""Same as the `embassies` console command."""

from embassies.cli import main

if __name__ == "__main__":
    main()
