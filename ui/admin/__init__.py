"""The administrator's window: one page per subject, registered in ``ui.admin.pages``."""
