/** SQLite schema of the embedded Productive API. Times are stored twice: the ISO string the API
 * returns, and epoch milliseconds for ordering and range filters. */
export const SCHEMA_VERSION = 2;

export const tables = [
  'meta',
  'people',
  'projects',
  'workflow_statuses',
  'tasks',
  'todos',
  'comments',
  'emails',
  'attachments',
  'activities',
  'notifications',
] as const;

export const schemaSql = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS people (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL,
  title TEXT,
  avatar_url TEXT,
  deactivated_at TEXT,
  archived_at TEXT
);

CREATE TABLE IF NOT EXISTS projects (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  project_number TEXT NOT NULL,
  archived_at TEXT,
  company_id INTEGER NOT NULL,
  project_manager_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS workflow_statuses (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  color_id INTEGER NOT NULL,
  category_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS tasks (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  number INTEGER NOT NULL,
  description TEXT,
  closed INTEGER NOT NULL,
  due_date TEXT,
  created_at TEXT NOT NULL,
  last_activity_at TEXT,
  project_id INTEGER NOT NULL,
  creator_id INTEGER NOT NULL,
  assignee_id INTEGER,
  workflow_status_id INTEGER NOT NULL,
  task_list_name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_project ON tasks (project_id, id);

CREATE TABLE IF NOT EXISTS todos (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL,
  description TEXT NOT NULL,
  closed INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS comments (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at TEXT,
  deleted_at TEXT,
  pinned_at TEXT,
  creator_id INTEGER NOT NULL,
  task_id INTEGER
);

CREATE TABLE IF NOT EXISTS emails (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  from_name TEXT NOT NULL,
  from_address TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS attachments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS activities (
  id INTEGER PRIMARY KEY,
  kind INTEGER NOT NULL,               -- 1 comment, 2 changeset, 3 email
  event TEXT NOT NULL COLLATE NOCASE,
  changeset TEXT NOT NULL,             -- JSON array
  item_id INTEGER NOT NULL,
  item_type TEXT NOT NULL COLLATE NOCASE,
  item_name TEXT NOT NULL,
  item_deleted_at TEXT,
  parent_id INTEGER,
  parent_type TEXT COLLATE NOCASE,
  parent_name TEXT,
  parent_deleted_at TEXT,
  root_id INTEGER,
  root_type TEXT COLLATE NOCASE,
  root_name TEXT,
  root_deleted_at TEXT,
  deal_is_budget INTEGER NOT NULL,
  task_id INTEGER,
  deal_id INTEGER,
  booking_id INTEGER,
  invoice_id INTEGER,
  company_id INTEGER,
  created_at TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  discussion_id INTEGER,
  engagement_id INTEGER,
  page_id INTEGER,
  person_id INTEGER,
  purchase_order_id INTEGER,
  expense_id INTEGER,
  project_id INTEGER,
  made_by_automation INTEGER NOT NULL,
  pinned INTEGER NOT NULL,
  creator_id INTEGER,
  comment_id INTEGER,
  email_id INTEGER,
  attachment_id INTEGER
);
CREATE INDEX IF NOT EXISTS activities_created ON activities (created_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS activities_task ON activities (task_id, created_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS activities_project ON activities (project_id, created_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS activities_deal ON activities (deal_id, created_ms DESC);
CREATE INDEX IF NOT EXISTS activities_page ON activities (page_id, created_ms DESC);
CREATE INDEX IF NOT EXISTS activities_discussion ON activities (discussion_id, created_ms DESC);
CREATE INDEX IF NOT EXISTS activities_creator ON activities (creator_id, created_ms DESC);

CREATE TABLE IF NOT EXISTS notifications (
  id INTEGER PRIMARY KEY,
  target_id INTEGER NOT NULL,
  target_type TEXT NOT NULL COLLATE NOCASE,
  target_title TEXT NOT NULL,
  parent_id INTEGER,
  parent_type TEXT,
  parent_title TEXT,
  title TEXT NOT NULL,
  read INTEGER NOT NULL,
  dismissed INTEGER NOT NULL,
  new_activities_count INTEGER NOT NULL,
  excerpt TEXT NOT NULL,
  last_action_at TEXT,
  last_action_ms INTEGER,
  first_unread_activity_id INTEGER,
  changeset TEXT NOT NULL,
  important INTEGER NOT NULL,
  mention INTEGER NOT NULL,
  target_label TEXT NOT NULL,
  actor_id INTEGER,
  project_id INTEGER,
  owner_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS notifications_recent ON notifications (last_action_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_dismissed ON notifications (dismissed, last_action_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_project ON notifications (project_id, dismissed, last_action_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_project_recent ON notifications (project_id, last_action_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_project_type ON notifications (project_id, target_type, dismissed, last_action_ms DESC);
CREATE INDEX IF NOT EXISTS notifications_type ON notifications (target_type, dismissed, last_action_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_important ON notifications (important, dismissed, last_action_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_mention ON notifications (mention, dismissed, last_action_ms DESC, id DESC);
`;
