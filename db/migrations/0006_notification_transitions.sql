-- A message's status only moves forward. The provider's webhook may overtake our own "sent" write, hence the moves from queued.
INSERT INTO "status_transitions" ("entity", "from_status", "to_status") VALUES
	('notifications', 'queued', 'sent'),
	('notifications', 'queued', 'delivered'),
	('notifications', 'queued', 'bounced'),
	('notifications', 'queued', 'complained'),
	('notifications', 'queued', 'failed'),
	('notifications', 'sent', 'delivered'),
	('notifications', 'sent', 'bounced'),
	('notifications', 'sent', 'complained'),
	('notifications', 'sent', 'failed'),
	('notifications', 'delivered', 'complained');
--> statement-breakpoint
CREATE TRIGGER "notifications_status_transition" BEFORE UPDATE OF "status" ON "notifications" FOR EACH ROW EXECUTE FUNCTION "enforce_status_transition"();
