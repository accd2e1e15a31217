"""A complaint's life over time: the events a host records, the replay of those events
against a policy, a case's status at an instant (clocks, escalations, reminders, owed
actions) and the next instant it changes, and that status as text.
"""
