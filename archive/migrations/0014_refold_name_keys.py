"""Name keys of names with letters Unicode decomposition cannot fold (ı, ğ, đ, ł, ø) are
computed again: keys now transliterate them ("Aydınoğlu" -> "aydinoglu"), so a record imported
before would not meet its own name spelled in ASCII. Only such names change; an alias whose
new key equals another alias of the same record is removed (it was the same name)."""

from django.db import migrations


def _refold(apps, schema_editor):
    from archive.ingest.resolve import institution_key, name_key

    for model_name, key_of in (
        ("Official", name_key),
        ("Institution", institution_key),
    ):
        model = apps.get_model("archive", model_name)
        for record in model.objects.exclude(name__regex=r"^[ -~]*$").only("pk", "name"):
            model.objects.filter(pk=record.pk).update(name_key=key_of(record.name)[:200])
    for model_name, owner, key_of in (
        ("OfficialAlias", "official_id", name_key),
        ("InstitutionAlias", "institution_id", institution_key),
    ):
        model = apps.get_model("archive", model_name)
        for alias in model.objects.exclude(name__regex=r"^[ -~]*$"):
            key = key_of(alias.name)[:200]
            twin = model.objects.filter(**{owner: getattr(alias, owner)}, name_key=key).exclude(
                pk=alias.pk
            )
            if twin.exists():
                alias.delete()
            else:
                model.objects.filter(pk=alias.pk).update(name_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0013_extraction_confidence"),
    ]

    operations = [migrations.RunPython(_refold, migrations.RunPython.noop)]
