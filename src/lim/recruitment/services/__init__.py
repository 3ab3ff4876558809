"""Use cases that change recruitment data: one transaction and one audit trail each.

Split by step: cases (need, NAV checkpoint), job_analysis, ads, applications, selection,
recommendation, hiring (offer, hire, closing), onboarding.
"""
