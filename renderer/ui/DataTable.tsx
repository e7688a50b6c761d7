// The one table of the app, on @tanstack/react-table: sorting, a filter box and paging done
// in the browser for small lists, or paging and search done by the backend for big ones.
import { useMemo, useState, type ReactNode } from 'react';
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useT } from '../i18n';
import { Button } from './Button';

export interface ColumnMeta {
  /** numbers and money are right-aligned */
  align?: 'end';
  /** keep the cell on one line (times, codes) */
  nowrap?: boolean;
  /** a fixed share of the width, e.g. '7rem' */
  width?: string;
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString },
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
  columnMeta: metaHelper<ColumnMeta>(),
});

export type TableFeatures = typeof features;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column keeps its own value type
export type Columns<T extends RowData> = ColumnDef<TableFeatures, T, any>[];

/** column helper bound to our feature set: `const col = columnsFor<UnitRow>()` */
export function columnsFor<T extends RowData>() {
  return createColumnHelper<TableFeatures, T>();
}

export interface ServerPaging {
  total: number;
  pageIndex: number;
  pageSize: number;
  onChange: (page: { pageIndex: number; pageSize: number }) => void;
}

export interface DataTableProps<T extends RowData> {
  columns: Columns<T>;
  data: T[];
  getRowId?: (row: T, index: number) => string;
  testId?: string;
  /** accessible name of the table */
  label: string;
  /** client mode: show the filter box */
  filterable?: boolean;
  /** client mode: rows per page (default 25) */
  pageSize?: number;
  /** server mode: the backend pages (and searches); the table only shows one page */
  server?: ServerPaging;
  /** controls shown left of the filter box (search of a server table, buttons) */
  tools?: ReactNode;
  empty?: ReactNode;
  busy?: boolean;
  initialSort?: SortingState;
}

const PAGE_SIZES = [10, 25, 50, 100];

export function DataTable<T extends RowData>({ columns, data, getRowId, testId, label, filterable = false, pageSize = 25, server, tools, empty, busy = false, initialSort = [] }: DataTableProps<T>) {
  const t = useT();
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [globalFilter, setGlobalFilter] = useState('');
  const [clientPaging, setClientPaging] = useState<PaginationState>({ pageIndex: 0, pageSize });
  const pagination = server ? { pageIndex: server.pageIndex, pageSize: server.pageSize } : clientPaging;

  const table = useTable({
    features,
    columns,
    data,
    ...(getRowId ? { getRowId: (row: T, index: number) => getRowId(row, index) } : {}),
    state: { sorting, globalFilter, pagination },
    onSortingChange: setSorting,
    onGlobalFilterChange: (updater: unknown) => {
      setGlobalFilter((prev) => String(typeof updater === 'function' ? (updater as (p: string) => unknown)(prev) : (updater ?? '')));
    },
    globalFilterFn: 'includesString',
    onPaginationChange: (updater) => {
      const next = typeof updater === 'function' ? updater(pagination) : updater;
      if (server) server.onChange(next);
      else setClientPaging(next);
    },
    // a server table shows exactly the page it was given: sorting one page would mislead
    ...(server ? { manualPagination: true, manualFiltering: true, manualSorting: true, enableSorting: false, rowCount: server.total } : {}),
    enableSortingRemoval: true,
  });

  const rows = table.getRowModel().rows;
  const total = server ? server.total : table.getFilteredRowModel().rows.length;
  const pageCount = Math.max(1, table.getPageCount());
  const from = total === 0 ? 0 : pagination.pageIndex * pagination.pageSize + 1;
  const to = Math.min(total, (pagination.pageIndex + 1) * pagination.pageSize);
  const showPager = server ? true : data.length > pagination.pageSize || pagination.pageSize !== pageSize;
  const sizes = useMemo(() => Array.from(new Set([...PAGE_SIZES, pagination.pageSize])).sort((a, b) => a - b), [pagination.pageSize]);

  return (
    <div data-testid={testId} aria-busy={busy || undefined}>
      {tools || (filterable && !server) ? (
        <div className="table-tools">
          {tools}
          {filterable && !server ? (
            <input
              className="input search-input"
              type="search"
              value={globalFilter}
              placeholder={t('common.searchPlaceholder')}
              aria-label={t('table.filter')}
              data-testid={testId ? `${testId}-filter` : undefined}
              onChange={(e) => {
                setGlobalFilter(e.target.value);
                setClientPaging((p) => ({ ...p, pageIndex: 0 }));
              }}
            />
          ) : null}
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="data" aria-label={label}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      className={meta?.align === 'end' ? 'num' : undefined}
                      style={meta?.width ? { width: meta.width } : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      scope="col"
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button type="button" className="sort-btn" onClick={header.column.getToggleSortingHandler()} title={t('table.sortHint')}>
                          <table.FlexRender header={header} />
                          <span className="sort-ind" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                          {sorted ? <span className="visually-hidden">{t(sorted === 'asc' ? 'table.sortAsc' : 'table.sortDesc')}</span> : null}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={testId ? `${testId}-row` : undefined}>
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const cls = [meta?.align === 'end' ? 'num' : '', meta?.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ');
                  return (
                    <td key={cell.id} className={cls || undefined}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <div className="table-empty" data-testid={testId ? `${testId}-empty` : undefined}>
            {data.length > 0 && globalFilter ? t('table.noMatch') : (empty ?? t('table.empty'))}
          </div>
        ) : null}
      </div>
      {showPager ? (
        <div className="pager">
          <span data-testid={testId ? `${testId}-range` : undefined}>{total === 0 ? t('table.rowsNone') : t('table.rows', { from, to, total })}</span>
          <span className="spacer" />
          <label className="row" style={{ gap: 'var(--s-2)' }}>
            {t('table.pageSize')}
            <select className="select" value={pagination.pageSize} onChange={(e) => table.setPagination({ pageIndex: 0, pageSize: Number(e.target.value) })}>
              {sizes.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <Button variant="ghost" size="sm" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()} aria-label={t('table.first')}>
            «
          </Button>
          <Button variant="secondary" size="sm" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()} data-testid={testId ? `${testId}-prev` : undefined}>
            {t('table.prev')}
          </Button>
          <span>{t('table.page', { page: pagination.pageIndex + 1, pages: pageCount })}</span>
          <Button variant="secondary" size="sm" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()} data-testid={testId ? `${testId}-next` : undefined}>
            {t('table.next')}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => table.lastPage()} disabled={!table.getCanNextPage()} aria-label={t('table.last')}>
            »
          </Button>
        </div>
      ) : null}
    </div>
  );
}
