"""Operations: health checks, metrics, request logs, security headers, backups, admin 2FA."""
