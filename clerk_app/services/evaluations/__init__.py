"""好差评: the counter's evaluator, the 7-day default, rectification of bad reviews, the export
to the province (``service.EvaluationService``; rules in ``clerk_app.domain.evaluation``)."""
