// Validates an OpenAPI document (file given as the argument) against the OpenAPI schema and its own references.
// Prints "valid <paths>" and exits 0, or prints the problem and exits 1.
import SwaggerParser from "@apidevtools/swagger-parser";

try {
  const api = await SwaggerParser.validate(process.argv[2]);
  console.log(`valid ${Object.keys(api.paths ?? {}).length}`);
} catch (error) {
  console.log(`invalid ${error.message}`);
  process.exit(1);
}
