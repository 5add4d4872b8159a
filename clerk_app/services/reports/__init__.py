"""Reports (报表) for supervisors: figures by date range and breakdown, as xlsx or PDF."""
