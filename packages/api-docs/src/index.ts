export { nameContractSchemas } from './contract-schemas';
export { asyncApiDocument, type AsyncApiDocument } from './asyncapi-document';
