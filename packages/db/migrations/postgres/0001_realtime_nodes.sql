CREATE TABLE "realtime_nodes" (
	"id" text PRIMARY KEY NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendance_intervals" ADD COLUMN "node_id" text;--> statement-breakpoint
CREATE INDEX "attendance_open_by_node_idx" ON "attendance_intervals" USING btree ("node_id") WHERE "attendance_intervals"."left_at" is null;