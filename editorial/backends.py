from axes.backends import AxesBackend


class SignInThrottleBackend(AxesBackend):
    """django-axes' throttle, for sign-ins that come from a request.

    Axes refuses to authenticate without a request. Code that signs a user in
    without one (a management command, Django's test client) is not a visitor
    guessing passwords, so it is let through to the next backend instead.
    Built on AxesBackend, which also loads users for their sessions, because
    Wagtail's test helpers sign in with the first backend listed.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
