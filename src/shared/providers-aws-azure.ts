/**
 * Descriptors of the hyperscaler-hosted model providers read through their cloud's billing API
 * with the official SDK (issue 13, part 2). Kept apart from providers.ts and providers-more.ts so
 * those files stay short. Sources are cited on each adapter in src/main/core/providers/.
 */
import type { ProviderDescriptor, ProviderId } from './providers'

type AwsAzureProviderId = Extract<ProviderId, 'aws-bedrock'>

/** Six hours: every Cost Explorer request is billed $0.01 (aws.amazon.com/aws-cost-management/pricing). */
const AWS_POLL_MINUTES = 6 * 60

/** AWS Bedrock (Cost Explorer). */
export const awsAzureDescriptors: Record<AwsAzureProviderId, ProviderDescriptor> = {
  'aws-bedrock': {
    id: 'aws-bedrock',
    name: 'AWS Bedrock (Cost Explorer)',
    defaultBaseUrl: 'https://ce.us-east-1.amazonaws.com',
    key: {
      required: true,
      kind: 'admin',
      label: 'Secret access key',
      help: 'An IAM user’s access key with the ce:GetCostAndUsage permission (IAM → Users → Security credentials → Create access key). The secret access key is kept in your system keychain.',
      createUrl: 'https://console.aws.amazon.com/iam/home#/users'
    },
    options: [
      {
        key: 'accessKeyId',
        label: 'Access key ID',
        help: 'The ID shown next to the secret access key (AKIA…).',
        placeholder: 'AKIA…',
        required: true,
        kind: 'text',
        pattern: '[A-Z0-9]{16,128}'
      },
      {
        key: 'services',
        label: 'More service names (optional)',
        help: 'Third-party models billed through AWS Marketplace appear under their own service name, e.g. “Claude Sonnet 4 (Amazon Bedrock Edition)”. Add them, comma separated; Amazon Bedrock is always read.',
        required: false,
        kind: 'text',
        pattern: '[^,]{1,200}(,[^,]{1,200}){0,19}'
      }
    ],
    billingUrl: 'https://console.aws.amazon.com/cost-management/home#/cost-explorer',
    publishes: { balance: false, spend: true, usage: false },
    unit: 'USD',
    pollIntervalMinutes: AWS_POLL_MINUTES,
    minPollIntervalMinutes: AWS_POLL_MINUTES,
    note: 'Daily Bedrock spend by usage type from AWS Cost Explorer, in USD. AWS bills every Cost Explorer request $0.01, so Coffer asks at most every 6 hours (4 requests a day, about $1.20 a month). No balance: AWS bills monthly.'
  }
}
