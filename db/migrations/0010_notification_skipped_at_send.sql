-- A message queued to an address suppressed (or opted out) before its send is recorded skipped at send time.
INSERT INTO "status_transitions" ("entity", "from_status", "to_status") VALUES ('notifications', 'queued', 'skipped');
