"""The ticket kiosk (取号机): applicants choose a queue category and take a ticket."""
