from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "embassies.ops"
    label = "ops"
    verbose_name = "Operations"

    def ready(self) -> None:
        from django.conf import settings

        from embassies.ops import checks  # noqa: F401  registers the system checks
        from embassies.ops.otp import require_admin_2fa

        # Only switched at start-up: the admin is one object shared by every request.
        if settings.ADMIN_2FA:
            require_admin_2fa()
