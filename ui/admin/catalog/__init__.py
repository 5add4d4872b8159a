"""The Catalog pages: departments, service items and their materials."""
