-- An admin may cancel a paid order before any parcel has left: it is refunded in full and stays cancelled.
INSERT INTO "status_transitions" ("entity", "from_status", "to_status") VALUES ('orders', 'paid', 'cancelled');
