"""Mission.search_document and the database's full-text index over it (FTS5 or tsvector + pg_trgm)."""

from typing import Any

from django.db import migrations, models

from embassies.directory.search import schema


def install(apps: Any, schema_editor: Any) -> None:
    schema.install_fulltext(schema_editor.connection)


def remove(apps: Any, schema_editor: Any) -> None:
    schema.remove_fulltext(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="mission",
            name="search_document",
            field=models.TextField(
                blank=True, default="", editable=False, help_text="Words full-text search reads."
            ),
        ),
        migrations.RunPython(install, remove),
    ]
