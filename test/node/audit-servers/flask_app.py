# Flask + flask-cors (Debian python3-flask, python3-flask-cors), configured insecurely on purpose, plus a correct control.
# Prints the port it bound (0 = a free one) on the first line of stdout.
import logging
from flask import Flask
from flask_cors import CORS
from werkzeug.serving import make_server

logging.getLogger("werkzeug").disabled = True
app = Flask(__name__)
CORS(app, resources={
    # origins defaults to '*': with supports_credentials flask-cors echoes ANY origin and adds credentials.
    r"/any": {"supports_credentials": True},
    # ^ and $ make flask-cors treat the string as a regex; its dots are unescaped.
    r"/regex-dot": {"origins": [r"^https://app.example.com$"], "supports_credentials": True},
    r"/good": {"origins": ["https://app.example.com"], "supports_credentials": True},
})


@app.route("/<name>", methods=["GET", "HEAD", "PUT"])
def handler(name):
    return {"ok": True}


server = make_server("127.0.0.1", 0, app, threaded=True)
print(server.server_port, flush=True)
server.serve_forever()
