"""The evaluator (评价器) facing the applicant at a counter: `main.py --evaluator --counter N`."""
