"""The department reviewer's inbox (并联审批): its tasks, taken and decided by keyboard."""
