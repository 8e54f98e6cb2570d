import { Spinner } from './spinner'

/** What a page shows while its code loads: its heading where the page's will be, and a quiet status line. */
export function PageLoading({ title }: { title: string }) {
  return (
    <>
      <div className="page-toolbar">
        <h1 className="page-title">{title}</h1>
      </div>
      <p className="loading" role="status">
        <Spinner /> Loading…
      </p>
    </>
  )
}
