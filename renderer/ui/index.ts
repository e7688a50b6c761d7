// The design system: import screens' building blocks from here.
export { Alert } from './Alert';
export { Badge, type Tone } from './Badge';
export { Bar } from './Bar';
export { Button, RefreshButton } from './Button';
export { Card } from './Card';
export { ErrorBoundary } from './ErrorBoundary';
export { DataTable, columnsFor, type Columns, type ServerPaging } from './DataTable';
export { Field, SelectField } from './Field';
export { Modal } from './Modal';
export { Money } from './Money';
export { StatTile } from './StatTile';
export { Tabs } from './Tabs';
export { Toasts } from './Toasts';
export { toast } from './toast';
