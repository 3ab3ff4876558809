"""Recruitment cases from need to onboarding: the domain layer (models, services, selectors)."""
