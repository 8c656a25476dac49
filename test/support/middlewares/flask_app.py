# Flask + flask-cors, with their common mistakes. PAGE_ORIGIN and PORT come from the test.
import os

from flask import Flask
from flask_cors import CORS

page = os.environ["PAGE_ORIGIN"]
app = Flask(__name__)
# CORS only for /api/*, with a method allow-list without PUT and a header allow-list without x-api-key.
CORS(app, resources={r"/api/*": {"origins": [page]}}, methods=["GET", "POST"], allow_headers=["Content-Type"])


@app.route("/api/good")
def good():
    return "ok"


@app.route("/api/items", methods=["GET", "PUT"])
def items():
    return "ok"


@app.route("/other")
def other():
    return "ok"


if __name__ == "__main__":
    print("LISTENING " + os.environ["PORT"], flush=True)
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]), debug=False, use_reloader=False)
