"""The wording of problems and explanations in each language (zh-Hant, zh-Hans, en); labels
from a policy are never translated.
"""
