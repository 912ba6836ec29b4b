import type { Database } from '../db/database.ts';
import type { Random } from './random.ts';
import * as words from './vocabulary.ts';
import {
  DAY,
  iso,
  WINDOW,
  type ActivityDraft,
  type Changeset,
  type Person,
  type Target,
} from './drafts.ts';

/** People, projects, tasks with todos, deals, pages and discussions, each target with its activity timeline. */
/** The fields an activity on the target itself repeats from it: the item is the target, the parent its parent. */
const onTarget = (target: Target) => ({
  itemId: target.id,
  itemType: target.type,
  itemName: target.title,
  parentId: target.parentId,
  parentType: target.parentType,
  parentName: target.parentTitle,
});

/** Tasks in every world; a world asked for more items than these make (a large demo database) has more tasks. */
const BASE_TASKS = 600;

/**
 * `targetsWanted`: at least this many targets (items a notification can be about), so that a large database still
 * has one notification per item; the tasks beyond the base ones have shorter timelines, to keep seeding quick.
 */
export function buildWorld(db: Database, random: Random, now: number, targetsWanted = 0) {
  const people: Person[] = [];
  const insertPerson = db.prepare(
    'INSERT INTO people (id, first_name, last_name, email, title, avatar_url, deactivated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (let id = 1; id <= 40; id++) {
    const first = words.firstNames[(id - 1) % words.firstNames.length] as string;
    const last = id === 1 ? 'Kovač' : random.pick(words.lastNames);
    const email = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    insertPerson.run(
      id,
      first,
      last,
      `${email}@example.com`,
      random.pick(words.jobTitles),
      null,
      id > 37 ? iso(now - 20 * DAY) : null,
      null,
    );
    people.push({ id, name: `${first} ${last}` });
  }
  const me = people[0] as Person;
  const colleague = () => random.pick(people.slice(1));

  const insertStatus = db.prepare(
    'INSERT INTO workflow_statuses (id, name, color_id, category_id) VALUES (?, ?, ?, ?)',
  );
  for (const status of words.workflowStatuses) {
    insertStatus.run(status.id, status.name, status.color_id, status.category_id);
  }

  const projects: { id: number; name: string; companyId: number; nextNumber: number }[] = [];
  const insertProject = db.prepare(
    'INSERT INTO projects (id, name, project_number, archived_at, company_id, project_manager_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  words.projectNames.forEach((projectName, index) => {
    const id = index + 1;
    const companyIndex = index % words.companies.length;
    const name = `[${words.companies[companyIndex]}] ${projectName}`;
    insertProject.run(id, name, String(100 + id), null, companyIndex + 1, colleague().id);
    projects.push({ id, name, companyId: companyIndex + 1, nextNumber: 1 });
  });

  const targets: Target[] = [];
  const base = (createdMs: number, creatorId: number) => ({
    createdMs,
    creatorId,
    automation: random.chance(0.03),
    invoiceId: null,
    bookingId: null,
    expenseId: null,
    purchaseOrderId: null,
    dealId: null,
    pageId: null,
    discussionId: null,
    companyId: null,
  });
  /** Times for n activities on one target, ascending, the newest within the window. */
  const timeline = (n: number) => {
    const newest = now - Math.floor(random.next() * WINDOW);
    const oldest = Math.max(now - WINDOW, newest - random.int(1, 30) * DAY);
    return Array.from({ length: n }, () => oldest + Math.floor(random.next() * (newest - oldest)))
      .sort((a, b) => a - b)
      .map((ms, i, all) => (i === all.length - 1 ? newest : ms));
  };

  const insertTask = db.prepare(
    `INSERT INTO tasks (id, title, number, description, closed, due_date, created_at, last_activity_at,
      project_id, creator_id, assignee_id, workflow_status_id, task_list_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTodo = db.prepare(
    'INSERT INTO todos (id, task_id, description, closed) VALUES (?, ?, ?, ?)',
  );
  let todoId = 0;
  for (let taskId = 1; taskId <= BASE_TASKS || targets.length < targetsWanted; taskId++) {
    const project = projects[(taskId * 7) % projects.length] as (typeof projects)[number];
    const number = project.nextNumber++;
    const title = `${random.pick(words.taskVerbs)} ${random.pick(words.taskObjects)}`;
    const label = `#${number}: ${title}`;
    const status = random.pick(words.workflowStatuses);
    const assignee = random.chance(0.3) ? me : random.chance(0.9) ? colleague() : undefined;
    const creator = colleague();
    const times = timeline(taskId <= BASE_TASKS ? random.int(10, 16) : random.int(3, 5));
    const dueDate = random.chance(0.6) ? iso(now + random.int(-10, 40) * DAY).slice(0, 10) : null;
    const list = random.pick(words.taskLists);
    const scope = {
      parentId: project.id,
      parentType: 'project',
      parentName: project.name,
      rootId: project.id,
      rootType: 'project',
      rootName: project.name,
      taskId,
      projectId: project.id,
    };
    const task: Target = {
      type: 'task',
      id: taskId,
      title: label,
      parentId: project.id,
      parentType: 'project',
      parentTitle: project.name,
      projectId: project.id,
      activities: [],
    };
    times.forEach((ms, i) => {
      const actor = i === 0 ? creator : random.chance(0.15) ? me : colleague();
      const common = { ...base(ms, actor.id), ...scope };
      if (i === 0) {
        task.activities.push({
          ...common,
          kind: 2,
          event: 'create',
          itemId: taskId,
          itemType: 'task',
          itemName: label,
          changeset: [
            { title: [null, { value: title }] },
            { workflow_status: [null, { value: 'Not started', id: 1 }] },
            { task_list: [null, { value: `Folder: ${list}` }] },
          ],
        });
        return;
      }
      const roll = random.next();
      if (roll < 0.45) {
        task.activities.push({
          ...common,
          kind: 2,
          event: random.chance(0.85) ? 'update' : random.pick(['edit', 'copy']),
          itemId: taskId,
          itemType: 'task',
          itemName: label,
          changeset: taskChange(random, people, title, now),
        });
      } else if (roll < 0.88) {
        task.activities.push({
          ...common,
          kind: 1,
          event: 'create',
          itemId: 0,
          itemType: 'comment',
          itemName: label,
          parentId: taskId,
          parentType: 'task',
          parentName: label,
          changeset: [],
          comment: commentBody(random, people),
          ...(random.chance(0.08) ? { attachment: attachment(random) } : {}),
        });
      } else {
        const subject = random.pick(words.emailSubjects);
        const from = colleague();
        task.activities.push({
          ...common,
          kind: 3,
          event: 'create',
          itemId: 0,
          itemType: 'email',
          itemName: subject,
          parentId: taskId,
          parentType: 'task',
          parentName: label,
          changeset: [],
          email: {
            subject,
            body: `<p>Hi team,</p><p>${random.pick(words.commentSentences)}</p><p>Best, ${from.name}</p>`,
            fromName: from.name,
            fromAddress: `${from.name.split(' ')[0]?.toLowerCase() ?? 'someone'}@client.example.com`,
          },
        });
      }
    });
    if (random.chance(0.06)) {
      const last = task.activities[task.activities.length - 1] as ActivityDraft;
      last.event = 'delete';
      last.kind = 2;
      last.itemType = 'task';
      last.itemId = taskId;
      last.changeset = [{ deleted_at: [null, iso(last.createdMs)] }];
      delete last.comment;
      delete last.email;
      delete last.attachment;
    }
    const statusRow = times.length > 0 ? status : words.workflowStatuses[0];
    insertTask.run(
      taskId,
      title,
      number,
      `<p>${random.pick(words.commentSentences)}</p>`,
      statusRow.category_id === 3 ? 1 : 0,
      dueDate,
      iso((times[0] ?? now) - DAY),
      iso(times[times.length - 1] ?? now),
      project.id,
      creator.id,
      assignee?.id ?? null,
      statusRow.id,
      list,
    );
    targets.push(task);

    const todoCount = random.int(0, 4);
    for (let t = 0; t < todoCount; t++) {
      todoId++;
      const text = random.pick(words.todoTexts);
      const closed = random.chance(0.4);
      insertTodo.run(todoId, taskId, text, closed ? 1 : 0);
      const todo: Target = {
        type: 'todo',
        id: todoId,
        title: text,
        parentId: taskId,
        parentType: 'task',
        parentTitle: label,
        projectId: project.id,
        activities: [],
      };
      const todoScope = { ...scope, ...onTarget(todo) };
      for (const [i, ms] of timeline(random.int(1, 2)).entries()) {
        todo.activities.push({
          ...base(ms, colleague().id),
          ...todoScope,
          kind: 2,
          event: i === 0 ? 'create' : 'update',
          changeset:
            i === 0
              ? [{ description: [null, text] }]
              : [{ closed: [false, true] }, { assignee: [null, { value: me.name, id: 1 }] }],
        });
      }
      targets.push(todo);
    }
  }

  for (let dealId = 1; dealId <= 30; dealId++) {
    const companyId = (dealId % words.companies.length) + 1;
    const company = words.companies[companyId - 1] as string;
    const name = `${random.pick(words.dealNames)} – ${company}`;
    const deal: Target = {
      type: 'deal',
      id: dealId,
      title: name,
      parentId: companyId,
      parentType: 'company',
      parentTitle: company,
      projectId: null,
      activities: [],
    };
    for (const [i, ms] of timeline(random.int(3, 5)).entries()) {
      deal.activities.push({
        ...base(ms, colleague().id),
        kind: 2,
        event: i === 0 ? 'create' : 'update',
        ...onTarget(deal),
        rootId: companyId,
        rootType: 'company',
        rootName: company,
        taskId: null,
        projectId: null,
        dealId,
        companyId,
        invoiceId: i === 1 ? dealId : null,
        bookingId: i === 2 ? dealId + 100 : null,
        expenseId: i === 3 ? dealId + 200 : null,
        purchaseOrderId: i === 4 ? dealId + 300 : null,
        changeset:
          i === 0
            ? [{ name: [null, name] }, { currency: [null, { value: 'EUR', id: 2 }] }]
            : random.pick<Changeset>([
                [
                  {
                    currency: [
                      { value: 'USD', id: 1 },
                      { value: 'EUR', id: 2 },
                    ],
                  },
                ],
                [{ name: [null, 'SLA Basic'] }],
                [{ probability: [40, 70] }],
                [{ closed_at: [null, iso(ms)] }],
              ]),
      });
    }
    targets.push(deal);
  }

  for (let pageId = 1; pageId <= 40; pageId++) {
    const project = projects[pageId % projects.length] as (typeof projects)[number];
    const title = random.pick(words.pageNames);
    const page: Target = {
      type: 'page',
      id: pageId,
      title,
      parentId: project.id,
      parentType: 'project',
      parentTitle: project.name,
      projectId: project.id,
      activities: [],
    };
    for (const [i, ms] of timeline(random.int(2, 4)).entries()) {
      page.activities.push({
        ...base(ms, colleague().id),
        kind: 2,
        event: i === 0 ? 'create' : 'edit',
        ...onTarget(page),
        rootId: project.id,
        rootType: 'project',
        rootName: project.name,
        taskId: null,
        projectId: project.id,
        pageId,
        changeset:
          i === 0
            ? [{ title: [null, { value: title }] }]
            : [{ body: [{ value: 'v' + i }, { value: 'v' + (i + 1) }] }],
      });
    }
    targets.push(page);
    if (pageId <= 30) {
      const topic = `Question about ${title.toLowerCase()}`;
      const discussion: Target = {
        type: 'discussion',
        id: pageId,
        title: topic,
        parentId: pageId,
        parentType: 'page',
        parentTitle: title,
        projectId: project.id,
        activities: [],
      };
      for (const ms of timeline(random.int(2, 4))) {
        discussion.activities.push({
          ...base(ms, colleague().id),
          kind: 1,
          event: 'create',
          itemId: 0,
          itemType: 'comment',
          itemName: topic,
          parentId: pageId,
          parentType: 'discussion',
          parentName: topic,
          rootId: project.id,
          rootType: 'project',
          rootName: project.name,
          taskId: null,
          projectId: project.id,
          pageId,
          discussionId: pageId,
          changeset: [],
          comment: commentBody(random, people),
        });
      }
      targets.push(discussion);
    }
  }
  return { people, targets };
}

function taskChange(random: Random, people: Person[], title: string, now: number): Changeset {
  const someone = () => random.pick(people);
  const status = () => random.pick(words.workflowStatuses);
  const options: (() => Changeset)[] = [
    () => {
      const [from, to] = [status(), status()];
      return [
        {
          workflow_status: [
            { value: from.name, id: from.id },
            { value: to.name, id: to.id },
          ],
        },
      ];
    },
    () => {
      const [from, to] = [someone(), someone()];
      return [
        {
          assignee: [
            random.chance(0.3) ? null : { value: from.name, id: from.id },
            { value: to.name, id: to.id },
          ],
        },
      ];
    },
    () => [
      {
        due_date: [
          random.chance(0.5) ? null : iso(now - 5 * DAY).slice(0, 10),
          iso(now + random.int(1, 30) * DAY).slice(0, 10),
        ],
      },
    ],
    () => [{ title: [{ value: title.toLowerCase() }, { value: title }] }],
    () => [
      {
        task_list: [
          { value: `Folder: ${random.pick(words.taskLists)}` },
          { value: `Folder: ${random.pick(words.taskLists)}` },
        ],
      },
    ],
    () => [
      { closed: [false, true] },
      {
        workflow_status: [
          { value: 'In review', id: 3 },
          { value: 'Closed', id: 4 },
        ],
      },
    ],
    () => [{ initial_estimate: [random.chance(0.5) ? null : 120, random.int(1, 16) * 60] }],
    () => [{ tag_list: [['design'], ['design', random.pick(['urgent', 'client', 'qa'])]] }],
    () => [{ private: [true, false] }],
  ];
  return random.pick(options)();
}

function commentBody(random: Random, people: Person[]) {
  const me = people[0] as Person;
  const mentionsMe = random.chance(0.25);
  const mentioned = mentionsMe ? me : random.pick(people.slice(1));
  const sentence = random.pick(words.commentSentences);
  const withMention = random.chance(0.6) || mentionsMe;
  const lead = withMention ? `@[Person:${mentioned.id}:${mentioned.name}] ` : '';
  const list = random.chance(0.15)
    ? '<ul><li>Header spacing</li><li>Button contrast</li></ul>'
    : '';
  const body = `<p>${lead}${sentence}</p>${list}`;
  const plain = `${withMention ? `@${mentioned.name} ` : ''}${sentence.replace(/<[^>]*>/g, '')}`;
  return { body, pinned: random.chance(0.04), mentionsMe: withMention && mentionsMe, plain };
}

function attachment(random: Random) {
  const name = random.pick(words.attachmentNames);
  const ext = name.split('.').pop() ?? '';
  const types: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    xlsx: 'application/vnd.ms-excel',
    svg: 'image/svg+xml',
  };
  return {
    name,
    contentType: types[ext] ?? 'application/octet-stream',
    size: random.int(10_000, 4_000_000),
  };
}
