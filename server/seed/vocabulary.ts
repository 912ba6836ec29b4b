/** Word pools for realistic demo data. */
export const firstNames = [
  'Ana',
  'Marko',
  'Ivana',
  'Luka',
  'Petra',
  'Tomislav',
  'Maja',
  'Filip',
  'Sara',
  'Josip',
  'Lucija',
  'Nikola',
  'Ema',
  'Ivan',
  'Katarina',
  'Matej',
  'Mia',
  'David',
  'Lea',
  'Karlo',
  'Emily',
  'James',
  'Olivia',
  'Noah',
  'Sophie',
  'Liam',
  'Chloe',
  'Ethan',
  'Grace',
  'Lucas',
  'Hana',
  'Dino',
  'Nina',
  'Ante',
  'Tena',
  'Borna',
  'Iva',
  'Fran',
  'Dora',
  'Leon',
] as const;

export const lastNames = [
  'Kovač',
  'Horvat',
  'Babić',
  'Marić',
  'Jurić',
  'Novak',
  'Knežević',
  'Vuković',
  'Perić',
  'Pavlović',
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Evans',
  'Walker',
  'Wright',
  'Hall',
  'Green',
] as const;

export const jobTitles = [
  'Project Manager',
  'Frontend Developer',
  'Backend Developer',
  'Designer',
  'QA Engineer',
  'Account Manager',
  'Copywriter',
  'DevOps Engineer',
  'Product Owner',
  'Marketing Lead',
] as const;

export const companies = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark & Co',
  'Wayne Digital',
  'Soylent',
] as const;

export const projectNames = [
  'Website relaunch',
  'Mobile app v2',
  'Brand refresh',
  'SEO retainer',
  'Checkout redesign',
  'Data warehouse',
  'Support portal',
  'Q1 campaign',
  'Design system',
  'Intranet migration',
  'Analytics dashboard',
  'Onboarding flow',
] as const;

export const taskVerbs = [
  'Fix',
  'Design',
  'Implement',
  'Review',
  'Update',
  'Write',
  'Test',
  'Refactor',
  'Migrate',
  'Document',
  'Prepare',
  'Optimize',
] as const;

export const taskObjects = [
  'login form validation',
  'pricing page hero',
  'newsletter signup',
  'invoice PDF export',
  'dark mode colours',
  'search results paging',
  'cookie banner copy',
  'API rate limiting',
  'password reset email',
  'product image gallery',
  'mobile navigation',
  'analytics events',
  'checkout error states',
  'onboarding checklist',
  'footer links',
  'accessibility audit findings',
  'staging deploy script',
  'CSV import',
  'user avatar upload',
  'release notes for 2.4',
  'landing page A/B test',
  'timesheet reminders',
  'client feedback round 2',
  'SSO settings',
] as const;

export const taskLists = [
  'Backlog',
  'Sprint 14',
  'Sprint 15',
  'Bugs',
  'Design',
  'Factory',
  'QA',
] as const;

export const workflowStatuses = [
  { id: 1, name: 'Not started', color_id: 1, category_id: 1 },
  { id: 2, name: 'In progress', color_id: 5, category_id: 2 },
  { id: 3, name: 'In review', color_id: 7, category_id: 2 },
  { id: 4, name: 'Closed', color_id: 3, category_id: 3 },
] as const;

export const todoTexts = [
  'Check copy with the client',
  'Add unit tests',
  'Update the changelog',
  'Ask for final assets',
  'Verify on Safari',
  'Get sign-off from PM',
  'Record a Loom walkthrough',
  'Merge after review',
  'Send invoice reminder',
  'Clean up feature flag',
] as const;

export const commentSentences = [
  'Could you take a look at the latest build on staging?',
  'I pushed a fix, the error no longer shows up on my machine.',
  'The client asked for <b>two</b> more revisions before Friday.',
  'Blocked until we get the API keys from their IT team.',
  'Looks good to me, moving this to review.',
  'We should split this into smaller tasks, it keeps growing.',
  "Here are the notes from today's call:",
  'Estimate updated after the discovery session.',
  'Please double-check the numbers against last month & the budget sheet.',
  'Design is approved, see the <a href="https://example.com/figma">Figma file</a>.',
] as const;

export const emailSubjects = [
  'Re: Invoice for October',
  'Kick-off meeting agenda',
  'Fwd: Feedback on the wireframes',
  'Re: Staging credentials',
  'Updated scope and timeline',
  'Re: Final assets attached',
] as const;

export const dealNames = [
  'Retainer 2027',
  'Support SLA',
  'Website maintenance',
  'Discovery workshop',
  'Brand audit',
  'App store launch',
] as const;

export const pageNames = [
  'Onboarding guide',
  'Release checklist',
  'Meeting notes',
  'Architecture overview',
  'Style guide',
  'Client handbook',
  'Retrospective',
  'Roadmap 2027',
] as const;

export const attachmentNames = [
  'wireframes-v3.pdf',
  'screenshot.png',
  'budget.xlsx',
  'contract-signed.pdf',
  'logo-final.svg',
] as const;
