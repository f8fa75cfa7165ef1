-- A shipment's status only moves forward: pending → label_purchased, then the carrier's milestones in one order
-- (in_transit < out_for_delivery < exception < delivered < returned), any of them skippable because tracking events
-- arrive late or not at all; cancelled only before the parcel has moved.
INSERT INTO "status_transitions" ("entity", "from_status", "to_status") VALUES
	('shipments', 'pending', 'label_purchased'),
	('shipments', 'label_purchased', 'in_transit'),
	('shipments', 'label_purchased', 'out_for_delivery'),
	('shipments', 'label_purchased', 'exception'),
	('shipments', 'label_purchased', 'delivered'),
	('shipments', 'label_purchased', 'returned'),
	('shipments', 'in_transit', 'out_for_delivery'),
	('shipments', 'in_transit', 'exception'),
	('shipments', 'in_transit', 'delivered'),
	('shipments', 'in_transit', 'returned'),
	('shipments', 'out_for_delivery', 'exception'),
	('shipments', 'out_for_delivery', 'delivered'),
	('shipments', 'out_for_delivery', 'returned'),
	('shipments', 'exception', 'delivered'),
	('shipments', 'exception', 'returned'),
	('shipments', 'delivered', 'returned'),
	('shipments', 'pending', 'cancelled'),
	('shipments', 'label_purchased', 'cancelled');
--> statement-breakpoint
CREATE TRIGGER "shipments_status_transition" BEFORE UPDATE OF "status" ON "shipments" FOR EACH ROW EXECUTE FUNCTION "enforce_status_transition"();
