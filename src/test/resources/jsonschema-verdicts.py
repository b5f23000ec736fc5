# Python's jsonschema, an implementation independent of the app's (networknt), on the same schema and
# documents: reads {"schema": ..., "documents": {id: document}} on stdin, checks the schema itself
# against its draft's meta-schema, and prints {id: [[path, message], ...]} for every document.
import json
import sys

from jsonschema import validators

data = json.load(sys.stdin)
schema = data["schema"]
validator_class = validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema)
verdicts = {}
for name, document in data["documents"].items():
    verdicts[name] = sorted(["/" + "/".join(str(part) for part in error.absolute_path), error.message]
                            for error in validator.iter_errors(document))
print(json.dumps({"validator": validator_class.__name__, "verdicts": verdicts}))
