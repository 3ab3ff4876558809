import datetime as dt

from django.db import migrations, models


def expire_existing_tokens(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Tokens issued before expiry existed get the default 90 days from their creation."""
    ApiToken = apps.get_model("lim_api", "ApiToken")
    for token in ApiToken.objects.filter(expires_at__isnull=True):
        token.expires_at = token.created_at + dt.timedelta(days=90)
        token.save(update_fields=["expires_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("lim_api", "0001_api_token"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expires"),
        ),
        migrations.RunPython(expire_existing_tokens, migrations.RunPython.noop),
    ]
