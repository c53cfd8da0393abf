// Every page of the host dashboard, in one chunk: the routes load it with one dynamic import,
// so the app's entry carries one preload list for the dashboard instead of one per page.
export { DashboardHome } from './DashboardHome.tsx';
export { DashboardLayout } from './DashboardLayout.tsx';
export { LibrariesPage } from './LibrariesPage.tsx';
export { LibraryPage } from './LibraryPage.tsx';
export { PresetsPage } from './PresetsPage.tsx';
export { RecordingsPage } from './RecordingsPage.tsx';
export { RoomPage } from './RoomPage.tsx';
export { SessionPage } from './SessionPage.tsx';
