ALTER TABLE "conversations" ADD COLUMN "visitor_away_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "closed_by" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "rating" smallint;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "rating_comment" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_rating_range" CHECK ("rating" between 1 and 5);