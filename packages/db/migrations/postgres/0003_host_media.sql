ALTER TABLE "sessions" ADD COLUMN "host_video_off" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "host_audio_off" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "host_media_by" uuid;