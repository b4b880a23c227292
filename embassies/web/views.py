from django.http import HttpRequest, HttpResponse


def home(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Embassies")


def mission(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    return HttpResponse(str(pk))
