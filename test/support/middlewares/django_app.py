# Django + django-cors-headers in one file, with their common mistakes. PAGE_ORIGIN and PORT come from the test.
import os
import sys

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

page = os.environ["PAGE_ORIGIN"]


class AuthBeforeCors:
    """An auth middleware placed before CorsMiddleware: the preflight (no Authorization) gets its 401."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/private/") and "HTTP_AUTHORIZATION" not in request.META:
            return HttpResponse("unauthorized", status=401)
        return self.get_response(request)


def ok(request, *args):
    return HttpResponse("ok")


settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    SECRET_KEY="test-only",
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["corsheaders"],
    MIDDLEWARE=[__name__ + ".AuthBeforeCors", "corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"],
    CORS_ALLOWED_ORIGINS=[page],
    # CORS for /api/ only.
    CORS_URLS_REGEX=r"^/(api|private)/.*$",
)

urlpatterns = [path("api/good", ok), path("api/items", ok), path("private/me", ok), path("other", ok)]

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    print("LISTENING " + os.environ["PORT"], flush=True)
    execute_from_command_line([sys.argv[0], "runserver", "127.0.0.1:" + os.environ["PORT"], "--noreload"])
