"""The versions of the JSON contract: each document names the one it follows."""

DECISION = "complaint-rules/decision/1"
STATUS = "complaint-rules/status/1"
PROBLEM = "complaint-rules/problem/1"
COMPLAINT = "complaint-rules/complaint/1"
