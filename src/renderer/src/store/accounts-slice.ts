import type { AccountDraft, AccountView, EventPayload, PollReport, Res } from '../../../shared/contract'
import { needsUserAction } from '../../../shared/account-status'
import type { AccountChanges, EditSecrets } from '../add-account/edit-form'
import { errorMessage } from '../bridge/bridge-error'
import { getBridge } from '../bridge/current-bridge'
import type { SliceCreator } from './types'
import { coalesced } from '../lib/coalesced'

/** Progress of "Refresh all": accounts finished out of those started. */
export interface RefreshProgress {
  total: number
  done: number
}

/** The result of "Test connection": a poll report without an account. */
export type TestReport = Res<'accounts:test'>

/** Accounts, their live polling state and the actions on them. */
export interface AccountsSlice {
  accounts: AccountView[]
  /** True once the first load finished (successfully or not): the empty state may show. */
  accountsLoaded: boolean
  accountsError: string | null
  /** Account ids with a poll running (from `poll:progress` events and our own calls). */
  polling: Record<string, true>
  /**
   * The latest step of each running poll that reads a paginated history (`poll:step`): what, which
   * page, and whether it is the first poll's 90-day backfill. Gone when the poll finishes.
   */
  pollSteps: Record<string, EventPayload<'poll:step'>>
  /** Non-null while "Refresh all" runs. */
  refreshProgress: RefreshProgress | null
  loadAccounts(): Promise<void>
  /** Saves the account (the key goes to the keychain), then polls it. Throws the server's error. */
  addAccount(draft: AccountDraft, key: string | undefined): Promise<AccountView>
  /** Tries a draft without saving it. Throws the server's error. */
  testAccount(draft: AccountDraft, key: string | undefined): Promise<TestReport>
  /** Deletes the account and its history. Throws the server's error. */
  removeAccount(id: string): Promise<void>
  /** Stores a new key in the keychain for the account, then polls it. Throws the server's error. */
  replaceKey(id: string, key: string): Promise<void>
  /**
   * Saves an edited account: the plain changes first, then any typed secret (key, secret options),
   * then polls it. Throws the server's error; a refused change stores no secret.
   */
  updateAccount(id: string, changes: AccountChanges, secrets: EditSecrets): Promise<AccountView>
  /** Polls some accounts now; errors become toasts. */
  pollAccounts(ids: string[]): Promise<void>
  refreshAll(): Promise<void>
  handlePollProgress(payload: EventPayload<'poll:progress'>): void
  handlePollStep(payload: EventPayload<'poll:step'>): void
}

export const createAccountsSlice: SliceCreator<AccountsSlice> = (set, get) => {
  const localPolls = new Map<string, number>()
  const refreshFinished = new Set<string>()

  const markPolling = (ids: string[], delta: 1 | -1): void => {
    for (const id of ids) {
      const count = (localPolls.get(id) ?? 0) + delta
      if (count > 0) localPolls.set(id, count)
      else localPolls.delete(id)
    }
    set((state) => {
      const polling = { ...state.polling }
      for (const id of ids) {
        if (localPolls.has(id)) polling[id] = true
        else delete polling[id]
      }
      return { polling }
    })
  }

  const readAccounts = async (): Promise<void> => {
    try {
      const accounts = await getBridge().invoke('accounts:list', {})
      const polling: Record<string, true> = {}
      for (const account of accounts) if (account.polling || localPolls.has(account.id)) polling[account.id] = true
      set({ accounts, polling, accountsLoaded: true, accountsError: null })
    } catch (error) {
      set({ accountsLoaded: true, accountsError: errorMessage(error) })
    }
  }

  const summarise = (reports: PollReport[]): void => {
    const failed = reports.filter((report) => report.status !== 'ok')
    if (reports.length === 0) return
    if (failed.length === 0) {
      get().notify('success', reports.length === 1 ? `${reports[0]?.label} is up to date.` : `All ${reports.length} accounts are up to date.`)
      return
    }
    const urgent = failed.filter((report) => needsUserAction(report.status))
    const names = failed.map((report) => report.label).join(', ')
    get().notify(urgent.length > 0 ? 'error' : 'info', `Could not update ${names}: see the card for what to do.`)
  }

  return {
    accounts: [],
    accountsLoaded: false,
    accountsError: null,
    polling: {},
    pollSteps: {},
    refreshProgress: null,

    // Coalesced: a burst of `accounts:changed` events during a refresh costs two reads.
    loadAccounts: coalesced(readAccounts),

    addAccount: async (draft, key) => {
      const account = await getBridge().invoke('accounts:add', { draft, key })
      set((state) => ({ accounts: [...state.accounts.filter((a) => a.id !== account.id), account] }))
      get().notify('success', `Added ${account.label}. Checking its balance…`)
      void get().pollAccounts([account.id])
      return account
    },

    testAccount: (draft, key) => getBridge().invoke('accounts:test', { draft, key }),

    removeAccount: async (id) => {
      const label = get().accounts.find((account) => account.id === id)?.label ?? 'The account'
      await getBridge().invoke('accounts:remove', { id })
      set((state) => ({ accounts: state.accounts.filter((account) => account.id !== id) }))
      get().notify('success', `Removed ${label} and its history.`)
    },

    replaceKey: async (id, key) => {
      const account = await getBridge().invoke('accounts:set-key', { id, key })
      set((state) => ({ accounts: state.accounts.map((a) => (a.id === id ? account : a)) }))
      get().notify('success', `Saved the new key for ${account.label}. Checking it…`)
      void get().pollAccounts([id])
    },

    updateAccount: async (id, changes, secrets) => {
      const bridge = getBridge()
      // Why two steps: accounts:update stores secret options before it checks the label, so a
      // duplicate label would still replace the management key. Plain changes go first, alone.
      let account = get().accounts.find((a) => a.id === id)
      if (Object.keys(changes).length > 0) account = await bridge.invoke('accounts:update', { id, ...changes })
      const secretOptions = Object.keys(secrets.options).length > 0
      if (secretOptions) {
        // Options are replaced as a whole: send the plain ones again with the secret ones.
        const options = { ...(changes.options ?? account?.options), ...secrets.options }
        account = await bridge.invoke('accounts:update', { id, options })
      }
      if (secrets.key !== undefined) account = await bridge.invoke('accounts:set-key', { id, key: secrets.key })
      if (!account) {
        void get().loadAccounts()
        throw new Error('That account no longer exists: it was removed meanwhile.')
      }
      const saved = account
      set((state) => ({ accounts: state.accounts.map((a) => (a.id === id ? saved : a)) }))
      get().notify('success', `Saved ${saved.label}.`)
      if (secrets.key !== undefined || secretOptions || changes.baseUrl !== undefined || changes.options) void get().pollAccounts([id])
      return saved
    },

    pollAccounts: async (ids) => {
      markPolling(ids, 1)
      try {
        summarise(await getBridge().invoke('accounts:poll', { ids }))
      } catch (error) {
        get().notify('error', `Could not refresh: ${errorMessage(error)}`)
      } finally {
        markPolling(ids, -1)
        await get().loadAccounts()
      }
    },

    refreshAll: async () => {
      if (get().refreshProgress) return
      const ids = get().accounts.map((account) => account.id)
      if (ids.length === 0) return
      refreshFinished.clear()
      set({ refreshProgress: { total: ids.length, done: 0 } })
      markPolling(ids, 1)
      try {
        summarise(await getBridge().invoke('accounts:poll', { ids: [] }))
      } catch (error) {
        get().notify('error', `Could not refresh: ${errorMessage(error)}`)
      } finally {
        markPolling(ids, -1)
        set({ refreshProgress: null })
        await get().loadAccounts()
      }
    },

    handlePollProgress: ({ accountId, phase }) => {
      set((state) => {
        const polling = { ...state.polling }
        if (phase === 'started') polling[accountId] = true
        else if (!localPolls.has(accountId)) delete polling[accountId]
        // A new poll starts from its first page; a finished one has no step left to show.
        const { [accountId]: _finished, ...pollSteps } = state.pollSteps
        const progress = state.refreshProgress
        if (phase !== 'finished' || !progress || refreshFinished.has(accountId)) return { polling, pollSteps }
        refreshFinished.add(accountId)
        return { polling, pollSteps, refreshProgress: { ...progress, done: Math.min(progress.total, progress.done + 1) } }
      })
    },

    handlePollStep: (step) => {
      set((state) => ({ polling: { ...state.polling, [step.accountId]: true }, pollSteps: { ...state.pollSteps, [step.accountId]: step } }))
    }
  }
}
