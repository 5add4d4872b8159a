"""The acceptance flow (受理) of the counter workstation: applicant to decision, by keyboard."""
