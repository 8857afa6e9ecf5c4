"""Why an action was not done."""

from __future__ import annotations


class Refused(ValueError):
    """An action refused, with a reason for the user and the field at fault (if any)."""

    def __init__(self, reason: str, field: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field
        """The input at fault ("name", "value", "email"...), for a form to focus."""


def check_email(text: str) -> str:
    """An e-mail address or nothing; only its shape is checked (name@domain)."""
    value = text.strip()
    if value and ("@" not in value or value.startswith("@") or "." not in value.split("@")[-1]):
        raise Refused("email should look like name@example.com", "email")
    return value


def check_name(text: str, field: str = "name") -> str:
    """A name with something in it, stripped."""
    if not text.strip():
        raise Refused("a name is needed", field)
    return text.strip()
