import { seedFixtures, type SeedApi } from '../../src/msw/index.js';
import { Demo } from './Demo';
import { ErrorPlayground } from './ErrorPlayground';
import { playEveryError } from './play';

export interface PlaygroundArgs {
  fixtureId: string;
}

/** The parts every seed API's story file shares; each file keeps its own literal `title`. */
export function apiStoryMeta(api: SeedApi, heading: string, firstFixture: string, description: string) {
  return {
    render: ({ fixtureId }: PlaygroundArgs) => (
      <Demo>
        <h2>{heading}: every documented error</h2>
        <ErrorPlayground api={api} fixtureId={fixtureId} />
      </Demo>
    ),
    args: { fixtureId: firstFixture },
    argTypes: { fixtureId: { control: 'select' as const, options: seedFixtures.filter((f) => f.api === api).map((f) => f.id) } },
    parameters: { docs: { description: { component: description } } },
  };
}

/** Fires each documented error in turn: each one is read right and shows exactly one toast. */
export function everyDocumentedError(api: SeedApi) {
  return { play: ({ canvasElement }: { canvasElement: HTMLElement }) => playEveryError(canvasElement, api) };
}
