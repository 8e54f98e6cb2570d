/**
 * Descriptors of the hyperscaler-hosted model providers read through their cloud's billing API
 * with the official SDK (issue 13, part 2). Kept apart from providers.ts and providers-more.ts so
 * those files stay short. Sources are cited on each adapter in src/main/core/providers/.
 */
import type { ProviderDescriptor, ProviderId } from './providers'

type AwsAzureProviderId = Extract<ProviderId, 'aws-bedrock' | 'azure-openai'>

/** Six hours: every Cost Explorer request is billed $0.01 (aws.amazon.com/aws-cost-management/pricing). */
const AWS_POLL_MINUTES = 6 * 60
/** Six hours: Cost Management data is refreshed a few times a day, and its queries are throttled per tenant. */
const AZURE_POLL_MINUTES = 6 * 60

/** AWS Bedrock (Cost Explorer) and Azure OpenAI (Cost Management). */
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
  },
  'azure-openai': {
    id: 'azure-openai',
    name: 'Azure OpenAI (Cost Management)',
    defaultBaseUrl: 'https://management.azure.com',
    key: {
      required: true,
      kind: 'admin',
      label: 'Client secret',
      help: 'An app registration’s client secret (Microsoft Entra ID → App registrations → your app → Certificates & secrets). Give the app the Cost Management Reader role on the subscription. The secret is kept in your system keychain.',
      createUrl: 'https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade'
    },
    options: [
      { key: 'tenantId', label: 'Tenant ID', help: 'Directory (tenant) ID, shown on the app registration’s overview.', placeholder: '00000000-0000-0000-0000-000000000000', required: true, kind: 'text', pattern: '[A-Za-z0-9][A-Za-z0-9.-]{1,99}' },
      { key: 'clientId', label: 'Client ID', help: 'Application (client) ID, shown on the app registration’s overview.', placeholder: '00000000-0000-0000-0000-000000000000', required: true, kind: 'text', pattern: '[0-9a-fA-F-]{36}' },
      { key: 'subscriptionId', label: 'Subscription ID', help: 'The subscription whose Azure OpenAI costs are read.', placeholder: '00000000-0000-0000-0000-000000000000', required: true, kind: 'text', pattern: '[0-9a-fA-F-]{36}' },
      { key: 'resourceGroup', label: 'Resource group (optional)', help: 'Read only this resource group’s costs instead of the whole subscription’s.', required: false, kind: 'text', pattern: '[-\\w._()]{1,90}' },
      {
        key: 'services',
        label: 'More service names (optional)',
        help: 'Costs are read for the service names “Foundry Models”, “Azure OpenAI” and “Cognitive Services”; add others your bill uses (e.g. “Foundry Tools”), comma separated.',
        required: false,
        kind: 'text',
        pattern: '[^,]{1,200}(,[^,]{1,200}){0,19}'
      },
      { key: 'authorityHost', label: 'Sign-in authority (optional)', help: 'For a national cloud only, e.g. https://login.chinacloudapi.cn (with its management base URL). Default: https://login.microsoftonline.com.', required: false, kind: 'url', pattern: 'https://\\S+' }
    ],
    billingUrl: 'https://portal.azure.com/#view/Microsoft_Azure_CostManagement/Menu/~/costanalysis',
    publishes: { balance: false, spend: true, usage: false },
    pollIntervalMinutes: AZURE_POLL_MINUTES,
    note: 'Daily Azure OpenAI spend (actual cost, by meter) from Azure Cost Management, in your billing currency, signed in with an app registration’s client credentials. Azure updates cost data a few times a day, so Coffer asks every 6 hours. No balance: Azure bills monthly.'
  }
}
