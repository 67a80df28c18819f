// One page of an event list at a time: the filters, the page number and the answer, with stale answers dropped.
import { listEvents } from './api.js'
import { usePagedList } from '@/common/usePagedList.js'

export const useEventPage = (pageSize = 20) => usePagedList(listEvents, pageSize)
