import { PageError } from '../components/Status'

export default function NotFound() {
  return <PageError code="NOT_FOUND" />
}
