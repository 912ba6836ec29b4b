import { useEffect } from 'react';
import { learnProjectsForGrouping } from '../../../replica/queries.ts';
import { useAllProjects } from './use-projects.ts';

/**
 * Grouped by project, the groups must be exact, but the API's notification does not name its project (a todo's
 * is its task's): the replica learns each project's notifications from the server once (src/replica/queries.ts),
 * and the groups follow as it does.
 */
export function useProjectsLearned(enabled: boolean, dismissed: boolean) {
  const { projects } = useAllProjects(false);
  useEffect(() => {
    if (!enabled || projects.length === 0) return;
    void learnProjectsForGrouping(
      projects.map((project) => project.id),
      dismissed,
    );
  }, [enabled, projects, dismissed]);
}
