CREATE TABLE `realtime_nodes` (
	`id` text PRIMARY KEY NOT NULL,
	`heartbeat_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `attendance_intervals` ADD `node_id` text;--> statement-breakpoint
CREATE INDEX `attendance_open_by_node_idx` ON `attendance_intervals` (`node_id`) WHERE "attendance_intervals"."left_at" is null;