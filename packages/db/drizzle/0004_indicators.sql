CREATE TABLE "indicator_agent_conversation_hours" (
	"workspace_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"inbox_id" uuid NOT NULL,
	"team_id" uuid,
	"agent_id" uuid,
	"started" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"resolved_first_contact" integer DEFAULT 0 NOT NULL,
	"not_resolved_first_contact" integer DEFAULT 0 NOT NULL,
	"offline_received" integer DEFAULT 0 NOT NULL,
	"duration_count" integer DEFAULT 0 NOT NULL,
	"duration_sum" double precision DEFAULT 0 NOT NULL,
	"duration_max" double precision DEFAULT 0 NOT NULL,
	"wait_count" integer DEFAULT 0 NOT NULL,
	"wait_sum" double precision DEFAULT 0 NOT NULL,
	"wait_max" double precision DEFAULT 0 NOT NULL,
	"abandoned" integer DEFAULT 0 NOT NULL,
	"abandoned_with_message" integer DEFAULT 0 NOT NULL,
	"abandon_wait_sum" double precision DEFAULT 0 NOT NULL,
	"abandon_wait_max" double precision DEFAULT 0 NOT NULL,
	"first_response_count" integer DEFAULT 0 NOT NULL,
	"first_response_sum" double precision DEFAULT 0 NOT NULL,
	"first_response_steps" integer[] NOT NULL,
	"resolution_count" integer DEFAULT 0 NOT NULL,
	"resolution_sum" double precision DEFAULT 0 NOT NULL,
	"resolution_steps" integer[] NOT NULL,
	"outcome_resolved" integer DEFAULT 0 NOT NULL,
	"outcome_no_reply" integer DEFAULT 0 NOT NULL,
	"outcome_no_agent" integer DEFAULT 0 NOT NULL,
	"outcome_abandoned" integer DEFAULT 0 NOT NULL,
	"outcome_cancelled" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_agent_reply_hours" (
	"workspace_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"inbox_id" uuid NOT NULL,
	"team_id" uuid,
	"agent_id" uuid,
	"next_reply_count" integer DEFAULT 0 NOT NULL,
	"next_reply_sum" double precision DEFAULT 0 NOT NULL,
	"next_reply_steps" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_conversation_hours" (
	"workspace_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"inbox_id" uuid NOT NULL,
	"team_id" uuid,
	"started" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"resolved_first_contact" integer DEFAULT 0 NOT NULL,
	"not_resolved_first_contact" integer DEFAULT 0 NOT NULL,
	"offline_received" integer DEFAULT 0 NOT NULL,
	"duration_count" integer DEFAULT 0 NOT NULL,
	"duration_sum" double precision DEFAULT 0 NOT NULL,
	"duration_max" double precision DEFAULT 0 NOT NULL,
	"wait_count" integer DEFAULT 0 NOT NULL,
	"wait_sum" double precision DEFAULT 0 NOT NULL,
	"wait_max" double precision DEFAULT 0 NOT NULL,
	"abandoned" integer DEFAULT 0 NOT NULL,
	"abandoned_with_message" integer DEFAULT 0 NOT NULL,
	"abandon_wait_sum" double precision DEFAULT 0 NOT NULL,
	"abandon_wait_max" double precision DEFAULT 0 NOT NULL,
	"first_response_count" integer DEFAULT 0 NOT NULL,
	"first_response_sum" double precision DEFAULT 0 NOT NULL,
	"first_response_steps" integer[] NOT NULL,
	"resolution_count" integer DEFAULT 0 NOT NULL,
	"resolution_sum" double precision DEFAULT 0 NOT NULL,
	"resolution_steps" integer[] NOT NULL,
	"outcome_resolved" integer DEFAULT 0 NOT NULL,
	"outcome_no_reply" integer DEFAULT 0 NOT NULL,
	"outcome_no_agent" integer DEFAULT 0 NOT NULL,
	"outcome_abandoned" integer DEFAULT 0 NOT NULL,
	"outcome_cancelled" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_stale_hours" (
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"transaction" bigint NOT NULL,
	CONSTRAINT "indicator_stale_hours_workspace_id_source_hour_transaction_pk" PRIMARY KEY("workspace_id","source","hour","transaction")
);
--> statement-breakpoint
CREATE TABLE "indicator_reply_hours" (
	"workspace_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"inbox_id" uuid NOT NULL,
	"team_id" uuid,
	"next_reply_count" integer DEFAULT 0 NOT NULL,
	"next_reply_sum" double precision DEFAULT 0 NOT NULL,
	"next_reply_steps" integer[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "unanswered_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "transfer_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "reopen_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "received_offline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "response_ms" bigint;--> statement-breakpoint
ALTER TABLE "indicator_agent_conversation_hours" ADD CONSTRAINT "indicator_agent_conversation_hours_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_agent_reply_hours" ADD CONSTRAINT "indicator_agent_reply_hours_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_conversation_hours" ADD CONSTRAINT "indicator_conversation_hours_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_reply_hours" ADD CONSTRAINT "indicator_reply_hours_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_agent_conversation_hours_idx" ON "indicator_agent_conversation_hours" USING btree ("workspace_id","agent_id","hour");--> statement-breakpoint
CREATE INDEX "indicator_agent_reply_hours_idx" ON "indicator_agent_reply_hours" USING btree ("workspace_id","agent_id","hour");--> statement-breakpoint
CREATE INDEX "indicator_conversation_hours_idx" ON "indicator_conversation_hours" USING btree ("workspace_id","hour");--> statement-breakpoint
CREATE INDEX "indicator_reply_hours_idx" ON "indicator_reply_hours" USING btree ("workspace_id","hour");--> statement-breakpoint
CREATE INDEX "conversations_created_idx" ON "conversations" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "conversations_closed_idx" ON "conversations" USING btree ("workspace_id","closed_at") WHERE "conversations"."closed_at" is not null;--> statement-breakpoint
CREATE INDEX "messages_response_idx" ON "messages" USING btree ("workspace_id","created_at") WHERE "messages"."response_ms" is not null;--> statement-breakpoint
-- Marks the hour whose indicator summaries a change invalidates. Hand-written: drizzle-kit does
-- not model triggers. Keep the watched columns in step with packages/domain/src/indicators/rollup.ts.
CREATE FUNCTION "indicator_mark_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source text := CASE WHEN TG_TABLE_NAME = 'messages' THEN 'replies' ELSE 'conversations' END;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "indicator_stale_hours" VALUES
      (OLD."workspace_id", source, date_trunc('hour', OLD."created_at", 'UTC'), txid_current())
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO "indicator_stale_hours" VALUES
      (NEW."workspace_id", source, date_trunc('hour', NEW."created_at", 'UTC'), txid_current())
      ON CONFLICT DO NOTHING;
  END IF;
  -- Next replies are summarized under their conversation's team and inbox.
  -- (Nested: PL/pgSQL would look up team_id on a message row even behind a false AND.)
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'conversations' THEN
    IF OLD."team_id" IS DISTINCT FROM NEW."team_id" OR OLD."inbox_id" IS DISTINCT FROM NEW."inbox_id" THEN
      INSERT INTO "indicator_stale_hours"
        SELECT DISTINCT NEW."workspace_id", 'replies', date_trunc('hour', m."created_at", 'UTC'), txid_current()
        FROM "messages" m WHERE m."conversation_id" = NEW."id" AND m."response_ms" IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "conversations_indicators_insert" AFTER INSERT OR DELETE ON "conversations"
  FOR EACH ROW EXECUTE FUNCTION "indicator_mark_stale"();
--> statement-breakpoint
CREATE TRIGGER "conversations_indicators_update" AFTER UPDATE ON "conversations" FOR EACH ROW
  WHEN (
    OLD."created_at" IS DISTINCT FROM NEW."created_at"
    OR OLD."inbox_id" IS DISTINCT FROM NEW."inbox_id"
    OR OLD."team_id" IS DISTINCT FROM NEW."team_id"
    OR OLD."assignee_id" IS DISTINCT FROM NEW."assignee_id"
    OR OLD."last_assignee_id" IS DISTINCT FROM NEW."last_assignee_id"
    OR OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."outcome" IS DISTINCT FROM NEW."outcome"
    OR OLD."first_assigned_at" IS DISTINCT FROM NEW."first_assigned_at"
    OR OLD."first_response_at" IS DISTINCT FROM NEW."first_response_at"
    OR OLD."closed_at" IS DISTINCT FROM NEW."closed_at"
    OR OLD."reopen_count" IS DISTINCT FROM NEW."reopen_count"
    OR OLD."transfer_count" IS DISTINCT FROM NEW."transfer_count"
    OR OLD."received_offline" IS DISTINCT FROM NEW."received_offline"
    OR (OLD."last_inbound_at" IS NULL) <> (NEW."last_inbound_at" IS NULL)
  )
  EXECUTE FUNCTION "indicator_mark_stale"();
--> statement-breakpoint
CREATE TRIGGER "messages_indicators_insert" AFTER INSERT ON "messages" FOR EACH ROW
  WHEN (NEW."response_ms" IS NOT NULL)
  EXECUTE FUNCTION "indicator_mark_stale"();
--> statement-breakpoint
CREATE TRIGGER "messages_indicators_delete" AFTER DELETE ON "messages" FOR EACH ROW
  WHEN (OLD."response_ms" IS NOT NULL)
  EXECUTE FUNCTION "indicator_mark_stale"();
--> statement-breakpoint
CREATE TRIGGER "messages_indicators_update" AFTER UPDATE ON "messages" FOR EACH ROW
  WHEN (
    OLD."response_ms" IS DISTINCT FROM NEW."response_ms"
    OR OLD."created_at" IS DISTINCT FROM NEW."created_at"
    OR OLD."inbox_id" IS DISTINCT FROM NEW."inbox_id"
    OR OLD."author_user_id" IS DISTINCT FROM NEW."author_user_id"
  )
  EXECUTE FUNCTION "indicator_mark_stale"();
