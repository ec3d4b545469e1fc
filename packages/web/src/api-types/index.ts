export { docComment, propertyKey, quote, refName, typeOf, type ConvertContext, type JsonSchema } from './json-schema-to-ts.js';
export {
  API_TYPES_FILE,
  API_TYPES_PATH,
  REGENERATE_COMMAND,
  WEB_API_OPERATIONS,
  apiOpenApiDocument,
  currentWebApiTypes,
  renderWebApiTypes,
  staleness,
  type OpenApiDocument,
  type RenderOptions,
} from './web-api-types.js';
