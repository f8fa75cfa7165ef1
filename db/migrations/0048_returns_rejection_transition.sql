-- An admin may turn a requested return down (requested → rejected); a rejected return moves no further.
INSERT INTO "status_transitions" ("entity", "from_status", "to_status") VALUES ('returns', 'requested', 'rejected');
