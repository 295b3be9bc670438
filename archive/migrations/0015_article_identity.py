"""Articles' content hashes are computed again with spacing and line endings folded, so a
copy of an imported article that differs only in those is recognised as the same article.
Two stored articles that now fold to one hash keep the older one's new hash and the later
one's former hash (neither is deleted: records point at both)."""

import hashlib

from django.db import migrations


def _folded(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def refold(apps, schema_editor):
    Article = apps.get_model("archive", "Article")
    taken = set()
    for article in Article.objects.order_by("id").only("pk", "text", "content_hash").iterator():
        digest = _folded(article.text)
        if digest in taken:
            continue
        taken.add(digest)
        if digest == article.content_hash:
            continue
        if Article.objects.filter(content_hash=digest).exclude(pk=article.pk).exists():
            continue  # another article already holds that identity: both are kept as they are
        Article.objects.filter(pk=article.pk).update(content_hash=digest)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0014_refold_name_keys"),
    ]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
